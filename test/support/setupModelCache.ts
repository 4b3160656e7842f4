/** jest setup file (each suite): intent models trained by any suite are kept in the run's folder (runModelCache.ts). */
import { keepTrainedModelsIn } from '../../language/local/softmax';
import { runModelCache } from './runModelCache';

keepTrainedModelsIn(runModelCache());
