import { readEnvironment } from '../shared/environment';
import { synthApp } from '../shared/synth-app';
import { buildLogServicePartnerApp } from './stacks';

synthApp((app) => buildLogServicePartnerApp(app, readEnvironment()));
