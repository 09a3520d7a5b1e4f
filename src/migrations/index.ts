import * as migration_20261127_025547_initial from './20261127_025547_initial';

export const migrations = [
  {
    up: migration_20261127_025547_initial.up,
    down: migration_20261127_025547_initial.down,
    name: '20261127_025547_initial'
  },
];
