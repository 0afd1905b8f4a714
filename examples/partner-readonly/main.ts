import { readEnvironment } from '../shared/environment';
import { synthApp } from '../shared/synth-app';
import { buildPartnerReadonlyApp } from './stacks';

synthApp((app) => buildPartnerReadonlyApp(app, readEnvironment()));
