import * as migration_20261205_073427_initial from './20261205_073427_initial';
import * as migration_20261205_073500_planner_statistics from './20261205_073500_planner_statistics';
import * as migration_20261205_083739_media_storage_fields from './20261205_083739_media_storage_fields';
import * as migration_20261205_123000_newest_first_index from './20261205_123000_newest_first_index';
import * as migration_20261205_131059_articles_corrections from './20261205_131059_articles_corrections';
import * as migration_20261206_010000_search_index from './20261206_010000_search_index';
import * as migration_20261206_011535_review_workflow from './20261206_011535_review_workflow';
import * as migration_20261206_035823_slug_redirects from './20261206_035823_slug_redirects';
import * as migration_20261206_035854_audit_log from './20261206_035854_audit_log';
import * as migration_20261206_093456_tag_admin_title from './20261206_093456_tag_admin_title';
import * as migration_20261206_202430_latest_versions_index from './20261206_202430_latest_versions_index';

export const migrations = [
  {
    up: migration_20261205_073427_initial.up,
    down: migration_20261205_073427_initial.down,
    name: '20261205_073427_initial',
  },
  {
    up: migration_20261205_073500_planner_statistics.up,
    down: migration_20261205_073500_planner_statistics.down,
    name: '20261205_073500_planner_statistics',
  },
  {
    up: migration_20261205_083739_media_storage_fields.up,
    down: migration_20261205_083739_media_storage_fields.down,
    name: '20261205_083739_media_storage_fields',
  },
  {
    up: migration_20261205_123000_newest_first_index.up,
    down: migration_20261205_123000_newest_first_index.down,
    name: '20261205_123000_newest_first_index',
  },
  {
    up: migration_20261205_131059_articles_corrections.up,
    down: migration_20261205_131059_articles_corrections.down,
    name: '20261205_131059_articles_corrections',
  },
  {
    up: migration_20261206_010000_search_index.up,
    down: migration_20261206_010000_search_index.down,
    name: '20261206_010000_search_index',
  },
  {
    up: migration_20261206_011535_review_workflow.up,
    down: migration_20261206_011535_review_workflow.down,
    name: '20261206_011535_review_workflow',
  },
  {
    up: migration_20261206_035823_slug_redirects.up,
    down: migration_20261206_035823_slug_redirects.down,
    name: '20261206_035823_slug_redirects',
  },
  {
    up: migration_20261206_035854_audit_log.up,
    down: migration_20261206_035854_audit_log.down,
    name: '20261206_035854_audit_log',
  },
  {
    up: migration_20261206_093456_tag_admin_title.up,
    down: migration_20261206_093456_tag_admin_title.down,
    name: '20261206_093456_tag_admin_title',
  },
  {
    up: migration_20261206_202430_latest_versions_index.up,
    down: migration_20261206_202430_latest_versions_index.down,
    name: '20261206_202430_latest_versions_index'
  },
];
