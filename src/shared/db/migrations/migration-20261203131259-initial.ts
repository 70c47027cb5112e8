import { Migration } from '@mikro-orm/migrations';

export class Migration20261203131259Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "asset_event" ("id" bigserial primary key, "asset_id" int not null, "slug" varchar(200) not null, "kind" text check ("kind" in ('PULL', 'CLEAN')) not null, "outcome" text check ("outcome" in ('OK', 'WARNING', 'ERROR', 'UNCHANGED', 'RETRY')) not null, "detail" text null, "source_type" text check ("source_type" in ('sweep', 'webhook', 'cli')) not null, "source_id" varchar(100) null, "commit_sha" varchar(40) null, "created_at" timestamptz not null);`,
    );
    this.addSql(
      `create index "asset_event_asset_idx" on "asset_event" ("asset_id", "created_at");`,
    );

    this.addSql(
      `create table "content_variable" ("id" serial primary key, "key" varchar(100) not null, "value" text not null, "lang" varchar(10) not null default '', "academy" varchar(100) not null default '', "updated_at" timestamptz not null);`,
    );
    this.addSql(
      `alter table "content_variable" add constraint "content_variable_key_lang_academy_unique" unique ("key", "lang", "academy");`,
    );

    this.addSql(
      `create table "installation" ("account" varchar(100) not null, "installation_id" bigint not null, "suspended" boolean not null default false, "updated_at" timestamptz not null, constraint "installation_pkey" primary key ("account"));`,
    );

    this.addSql(
      `create table "owner" ("id" serial primary key, "username" varchar(100) not null, "token_ciphertext" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`,
    );
    this.addSql(`alter table "owner" add constraint "owner_username_unique" unique ("username");`);

    this.addSql(
      `create table "asset" ("id" serial primary key, "slug" varchar(200) not null, "title" text null, "description" text null, "asset_type" text check ("asset_type" in ('PROJECT', 'EXERCISE', 'LESSON', 'QUIZ', 'VIDEO', 'STARTER', 'ARTICLE')) not null, "status" text check ("status" in ('NOT_STARTED', 'PLANNING', 'WRITING', 'DRAFT', 'OPTIMIZED', 'PUBLISHED')) not null default 'NOT_STARTED', "lang" varchar(10) not null, "url" text null, "readme_url" text null, "repo_owner" varchar(100) null, "repo_name" varchar(100) null, "repo_ref" varchar(255) null, "repo_path" text null, "readme_raw" text null, "readme" text null, "html" text null, "blob_sha" varchar(40) null, "config_blob_sha" varchar(40) null, "front_matter" jsonb null, "config" jsonb null, "tags" jsonb null, "sync_status" text check ("sync_status" in ('PENDING', 'OK', 'WARNING', 'ERROR')) null, "status_text" text null, "last_synch_at" timestamptz null, "cleaning_status" text check ("cleaning_status" in ('PENDING', 'OK', 'WARNING', 'ERROR')) null, "cleaning_status_details" text null, "last_cleaning_at" timestamptz null, "owner_id" int null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null);`,
    );
    this.addSql(`alter table "asset" add constraint "asset_slug_unique" unique ("slug");`);
    this.addSql(`create index "asset_owner_id_index" on "asset" ("owner_id");`);
    this.addSql(
      `create index "asset_repo_idx" on "asset" ("repo_owner", "repo_name", "repo_ref");`,
    );
    this.addSql(`create index "asset_last_synch_idx" on "asset" ("last_synch_at", "id");`);
    this.addSql(`create index "asset_last_cleaning_idx" on "asset" ("last_cleaning_at", "id");`);

    this.addSql(
      `create table "sweep" ("id" uuid not null, "command" text check ("command" in ('pull-and-clean', 'clean')) not null, "options" jsonb not null, "found" int not null default 0, "queued" int not null default 0, "failed" int not null default 0, "started_at" timestamptz not null, "finished_at" timestamptz null, constraint "sweep_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "sweep_item" ("sweep_id" uuid not null, "seq" int not null, "asset_id" int not null, constraint "sweep_item_pkey" primary key ("sweep_id", "seq"));`,
    );

    this.addSql(
      `create table "webhook_delivery" ("delivery_id" varchar(100) not null, "event" varchar(50) not null, "repository" varchar(200) null, "jobs_queued" int not null default 0, "received_at" timestamptz not null, constraint "webhook_delivery_pkey" primary key ("delivery_id"));`,
    );

    this.addSql(
      `alter table "asset" add constraint "asset_owner_id_foreign" foreign key ("owner_id") references "owner" ("id") on update cascade on delete set null;`,
    );
  }
}
