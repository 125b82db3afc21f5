/**
 * FerretDB 1.24 turns a filter on a top-level field into `(_jsonb -> 'field') @> value`, but the
 * indexes it creates for `createIndex` are btree indexes on `(_jsonb -> 'field')`, which `@>`
 * cannot use: every filtered query, `_id` lookups included, was a sequential scan. PostgreSQL's
 * GIN indexes do serve `@>` on the same expressions. This installs, in FerretDB's database, an
 * event trigger that gives every btree index FerretDB creates a GIN "twin" over the same
 * expressions (and drops the twin with it), plus a backfill for indexes made before. Nothing in
 * the services changes: the planner simply finds an index it can use. MongoDB needs none of this.
 */

/** The twin's name: FerretDB's index names are short, the suffix keeps them within 63 bytes. */
const twinSuffix = '_gin';

export const ginTwinsSql = `
create or replace function threadline_gin_twin_of(index_oid oid) returns void
language plpgsql as $fn$
declare
  def text;
  index_name text;
  table_name text;
  expressions text;
begin
  select pg_get_indexdef(i.indexrelid), c.relname,
         format('%I.%I', n.nspname, t.relname)
    into def, index_name, table_name
    from pg_index i
    join pg_class c on c.oid = i.indexrelid
    join pg_class t on t.oid = i.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    join pg_am am on am.oid = c.relam
   where i.indexrelid = index_oid and am.amname = 'btree' and i.indexprs is not null;
  if def is null or index_name like '%${twinSuffix}' then return; end if;
  expressions := substring(def from 'USING btree (\\(.*\\))$');
  -- Only FerretDB's own shape: top-level field expressions over the _jsonb column.
  if expressions is null or expressions !~ '^\\(\\(\\(_jsonb -> ''[^'']+''::text\\)\\)( (ASC|DESC))?(, \\(\\(_jsonb -> ''[^'']+''::text\\)\\)( (ASC|DESC))?)*\\)$' then
    return;
  end if;
  expressions := regexp_replace(expressions, ' (ASC|DESC)', '', 'g');
  execute format('create index if not exists %I on %s using gin %s',
                 left(index_name, 63 - length('${twinSuffix}')) || '${twinSuffix}', table_name, expressions);
end
$fn$;

create or replace function threadline_gin_twin_on_create() returns event_trigger
language plpgsql as $fn$
declare
  command record;
begin
  for command in select objid from pg_event_trigger_ddl_commands()
                  where command_tag in ('CREATE INDEX', 'CREATE TABLE') and object_type = 'index' loop
    begin
      perform threadline_gin_twin_of(command.objid);
    exception when others then
      -- A twin is an optimisation: never let it fail FerretDB's own statement.
      raise warning 'threadline: no GIN twin for index %: %', command.objid, sqlerrm;
    end;
  end loop;
end
$fn$;

create or replace function threadline_gin_twin_on_drop() returns event_trigger
language plpgsql as $fn$
declare
  dropped record;
begin
  for dropped in select schema_name, object_name from pg_event_trigger_dropped_objects()
                  where object_type = 'index' and not is_temporary
                    and object_name not like '%${twinSuffix}' loop
    begin
      execute format('drop index if exists %I.%I', dropped.schema_name,
                     left(dropped.object_name, 63 - length('${twinSuffix}')) || '${twinSuffix}');
    exception when others then
      raise warning 'threadline: GIN twin of % not dropped: %', dropped.object_name, sqlerrm;
    end;
  end loop;
end
$fn$;

drop event trigger if exists threadline_gin_twin_create;
create event trigger threadline_gin_twin_create on ddl_command_end
  when tag in ('CREATE INDEX') execute function threadline_gin_twin_on_create();

drop event trigger if exists threadline_gin_twin_drop;
create event trigger threadline_gin_twin_drop on sql_drop
  when tag in ('DROP INDEX') execute function threadline_gin_twin_on_drop();

-- Backfill: indexes FerretDB made before the trigger existed.
select count(threadline_gin_twin_of(i.indexrelid))
  from pg_index i join pg_class c on c.oid = i.indexrelid
  join pg_namespace n on n.oid = c.relnamespace
 where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast');
`;
