import { ReadOnlyNotice as ReadOnlyNotice_d66b8f885859681a7ecd926b1599b45b } from '@/admin/ReadOnlyNotice'
import { SlugField as SlugField_61c1f81d9b9126251af9b169419f1892 } from '@/admin/SlugField'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ScheduledCell as ScheduledCell_3def00ff4e443ff593f1123144456f7c } from '@/desk/ScheduledCell'
import { LinkRowLabel as LinkRowLabel_eeaa25121e9f2f96728342b261823d20 } from '@newsroom/payload-plugin-read-more/client'
import { ReviewQueueLink as ReviewQueueLink_94dcc485636f5c39e5bf9d96108f87e5 } from '@collections/Articles/review/components/ReviewQueueLink'
import { ViewOnSite as ViewOnSite_d49744f4d0a6da7eb0aa77b9fec0bd2d } from '@collections/Articles/components/ViewOnSite'
import { ReviewActions as ReviewActions_99717d58d88ebfce86d8356d3a6c61c5 } from '@collections/Articles/review/components/ReviewActions'
import { VersionsView as VersionsView_8134acb64ae7c6221fee0e9c19c32262 } from '@collections/AuditLog/components/VersionsView'
import { BodyExcerptCell as BodyExcerptCell_c5e2889293482a3ee9a5c1abbaf83574 } from '@collections/Comments/components/BodyExcerptCell'
import { SignalsCell as SignalsCell_b5941c6c245d82875baafaebb4e6e3f1 } from '@collections/Comments/components/SignalsCell'
import { ModerationFilter as ModerationFilter_e181a1d68eb110e9b6939ab447df567d } from '@collections/Comments/components/ModerationFilter'
import { ModerationActions as ModerationActions_8338bea811c0b4c87f585ebef6120e4a } from '@collections/Comments/components/ModerationActions'
import { APIKeyField as APIKeyField_478330fd9ff1490b8630b2e695eab51b } from '@collections/Users/components/APIKeyField'
import { DeskDashboard as DeskDashboard_691a12a4f115f8195bd45dd56e9663d0 } from '@/desk/DeskDashboard'
import { S3ClientUploadHandler as S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24 } from '@payloadcms/storage-s3/client'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@/admin/ReadOnlyNotice#ReadOnlyNotice": ReadOnlyNotice_d66b8f885859681a7ecd926b1599b45b,
  "@/admin/SlugField#SlugField": SlugField_61c1f81d9b9126251af9b169419f1892,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@/desk/ScheduledCell#ScheduledCell": ScheduledCell_3def00ff4e443ff593f1123144456f7c,
  "@newsroom/payload-plugin-read-more/client#LinkRowLabel": LinkRowLabel_eeaa25121e9f2f96728342b261823d20,
  "@collections/Articles/review/components/ReviewQueueLink#ReviewQueueLink": ReviewQueueLink_94dcc485636f5c39e5bf9d96108f87e5,
  "@collections/Articles/components/ViewOnSite#ViewOnSite": ViewOnSite_d49744f4d0a6da7eb0aa77b9fec0bd2d,
  "@collections/Articles/review/components/ReviewActions#ReviewActions": ReviewActions_99717d58d88ebfce86d8356d3a6c61c5,
  "@collections/AuditLog/components/VersionsView#VersionsView": VersionsView_8134acb64ae7c6221fee0e9c19c32262,
  "@collections/Comments/components/BodyExcerptCell#BodyExcerptCell": BodyExcerptCell_c5e2889293482a3ee9a5c1abbaf83574,
  "@collections/Comments/components/SignalsCell#SignalsCell": SignalsCell_b5941c6c245d82875baafaebb4e6e3f1,
  "@collections/Comments/components/ModerationFilter#ModerationFilter": ModerationFilter_e181a1d68eb110e9b6939ab447df567d,
  "@collections/Comments/components/ModerationActions#ModerationActions": ModerationActions_8338bea811c0b4c87f585ebef6120e4a,
  "@collections/Users/components/APIKeyField#APIKeyField": APIKeyField_478330fd9ff1490b8630b2e695eab51b,
  "@/desk/DeskDashboard#DeskDashboard": DeskDashboard_691a12a4f115f8195bd45dd56e9663d0,
  "@payloadcms/storage-s3/client#S3ClientUploadHandler": S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
