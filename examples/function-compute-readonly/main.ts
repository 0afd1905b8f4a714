import { readEnvironment } from '../shared/environment';
import { synthApp } from '../shared/synth-app';
import { buildFunctionComputeReadonlyApp } from './stacks';

synthApp((app) => buildFunctionComputeReadonlyApp(app, readEnvironment()));
