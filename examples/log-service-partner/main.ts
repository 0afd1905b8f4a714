import { App } from 'cdktf';
import { readEnvironment } from '../shared/environment';
import { buildLogServicePartnerApp } from './stacks';

const app = new App();
buildLogServicePartnerApp(app, readEnvironment());
app.synth();
