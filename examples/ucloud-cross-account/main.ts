import { synthApp } from '../shared/synth-app';
import { readUCloudEnvironment } from './environment';
import { buildUCloudCrossAccountApp } from './stacks';

synthApp((app) => buildUCloudCrossAccountApp(app, readUCloudEnvironment()));
