import * as migration_20261127_025547_initial from './20261127_025547_initial';
import * as migration_20261127_033439_slug_optional from './20261127_033439_slug_optional';

export const migrations = [
  {
    up: migration_20261127_025547_initial.up,
    down: migration_20261127_025547_initial.down,
    name: '20261127_025547_initial',
  },
  {
    up: migration_20261127_033439_slug_optional.up,
    down: migration_20261127_033439_slug_optional.down,
    name: '20261127_033439_slug_optional'
  },
];
