/** jest setup file (each suite): the run's kept intent models, see test/support/trainedModels.ts. */
import { useTrainedSoftmaxStore } from '../../language/local/softmax';
import { diskTrainedModelStore, TRAINED_MODEL_DIR_ENV } from './trainedModels';

const dir = process.env[TRAINED_MODEL_DIR_ENV];
if (dir) useTrainedSoftmaxStore(diskTrainedModelStore(dir));
