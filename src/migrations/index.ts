import * as migration_20261127_050557_initial from './20261127_050557_initial';

export const migrations = [
  {
    up: migration_20261127_050557_initial.up,
    down: migration_20261127_050557_initial.down,
    name: '20261127_050557_initial'
  },
];
