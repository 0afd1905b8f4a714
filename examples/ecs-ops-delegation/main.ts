import { readEnvironment } from '../shared/environment';
import { synthApp } from '../shared/synth-app';
import { buildEcsOpsDelegationApp } from './stacks';

synthApp((app) => buildEcsOpsDelegationApp(app, readEnvironment()));
