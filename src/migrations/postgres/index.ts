import * as migration_20261205_073427_initial from './20261205_073427_initial';
import * as migration_20261205_073500_planner_statistics from './20261205_073500_planner_statistics';

export const migrations = [
  {
    up: migration_20261205_073427_initial.up,
    down: migration_20261205_073427_initial.down,
    name: '20261205_073427_initial',
  },
  {
    up: migration_20261205_073500_planner_statistics.up,
    down: migration_20261205_073500_planner_statistics.down,
    name: '20261205_073500_planner_statistics'
  },
];
