// The engine worker: a module worker exposing the engine over comlink.
import { expose } from 'comlink';
import { createEngine } from '../src/engine/engine';

expose(createEngine());
