import { App } from 'cdktf';
import { readEnvironment } from '../shared/environment';
import { buildEcsOpsDelegationApp } from './stacks';

const app = new App();
buildEcsOpsDelegationApp(app, readEnvironment());
app.synth();
