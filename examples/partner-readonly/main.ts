import { App } from 'cdktf';
import { readEnvironment } from '../shared/environment';
import { buildPartnerReadonlyApp } from './stacks';

const app = new App();
buildPartnerReadonlyApp(app, readEnvironment());
app.synth();
