import { App } from 'cdktf';
import { readEnvironment } from '../shared/environment';
import { buildFunctionComputeReadonlyApp } from './stacks';

const app = new App();
buildFunctionComputeReadonlyApp(app, readEnvironment());
app.synth();
