-- IVFFlat against the product's HNSW graph (docs/benchmarks.md, "IVFFlat"). Runs in a database
-- written by FootageCatalogueLoader (one model version, id 1), e.g. the one
-- `BENCH_KEEP=1 bench/search/run.sh 100000` leaves behind:
--
--   psql -X -d bench_footage_100000 -v lists=100 -f bench/search/ivfflat.sql
--   psql -X -At -d bench_footage_100000 -c "begin" -c "drop index segment_embedding_hnsw_v1" \
--     -c "select * from ivfflat_recall(10)" -c "rollback"
--
-- (the product's HNSW graph is dropped inside the transaction, otherwise the planner may take it).
--
-- The index partitions the rows into `lists` k-means cells; a search reads the `probes` cells whose
-- centres are nearest the query and compares the query with every row in them, so its cost is
-- about probes / lists of an exact scan and it has no graph to get lost in.
-- ivfflat_recall(probes) -> recall@10, p50 ms, p95 ms over queries 0-99 of bench_query against
-- bench_truth (unfiltered), timed inside the server like quantised.sql (compare with its rows).
\timing on
set maintenance_work_mem = '4GB';
drop index if exists bench_ivfflat_v1;
create index bench_ivfflat_v1 on segment_embedding
  using ivfflat ((embedding::vector(512)) vector_cosine_ops) with (lists = :lists)
  where model_version_id = 1;
\timing off
select pg_size_pretty(pg_relation_size('bench_ivfflat_v1')) as ivfflat_size;

create or replace function ivfflat_recall(probes int)
  returns table (recall float8, p50 float8, p95 float8) language plpgsql as $$
declare
  q record;
  found bigint[];
  hits int := 0;
  started timestamptz;
  millis float8[] := '{}';
begin
  perform set_config('ivfflat.probes', probes::text, true);
  for q in select query, vector::vector(512) v from bench_query where query < 100 order by query loop
    started := clock_timestamp();
    select array_agg(id) into found from (select segment_id id from segment_embedding
      where model_version_id = 1 order by embedding::vector(512) <=> q.v limit 10) r;
    millis := millis || extract(epoch from clock_timestamp() - started) * 1000;
    hits := hits + (select count(*) from bench_truth t
      where t.query = q.query and not t.rare and t.rank <= 10 and t.segment_id = any(found));
  end loop;
  return query select (hits / (10.0 * cardinality(millis)))::float8,
    (select percentile_cont(0.5) within group (order by x) from unnest(millis) x),
    (select percentile_cont(0.95) within group (order by x) from unnest(millis) x);
end $$;
