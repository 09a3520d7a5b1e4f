import * as migration_20261127_050557_initial from './20261127_050557_initial';
import * as migration_20261127_054848_list_indexes from './20261127_054848_list_indexes';

export const migrations = [
  {
    up: migration_20261127_050557_initial.up,
    down: migration_20261127_050557_initial.down,
    name: '20261127_050557_initial',
  },
  {
    up: migration_20261127_054848_list_indexes.up,
    down: migration_20261127_054848_list_indexes.down,
    name: '20261127_054848_list_indexes'
  },
];
