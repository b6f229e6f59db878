-- graph_recall(graph, candidates, ef_search) -> recall@10, p50 ms, p95 ms over queries 0-99 of
-- bench_query against bench_truth (unfiltered), timed inside the server (no client round trip, no
-- joins: compare rows of one run only). Included by quantised.sql and ivfflat.sql, which build the
-- indexes; runs in a database written by FootageCatalogueLoader (one model version, id 1). Graphs:
--   vector   the product's HNSW index: its top 10 (candidates ignored)
--   ivfflat  the IVFFlat index of ivfflat.sql with `candidates` probes: its top 10 (ef ignored)
--   (vector and ivfflat index the same expression: with both present, drop the other one inside
--   a transaction first, or the planner chooses)
--   halfvec  16-bit graph: its top `candidates`, re-ranked by the exact vector distance
--   bit      binary_quantize graph (Hamming distance): the same re-ranking
--   shifted  the vector graph walked with the query moved by the mean stored vector minus the
--            mean text query (queries 100-199), a modality-gap correction; re-ranked exactly
create or replace function graph_recall(graph text, candidates int, ef int)
  returns table (recall float8, p50 float8, p95 float8) language plpgsql as $$
declare
  q record;
  found bigint[];
  hits int := 0;
  started timestamptz;
  millis float8[] := '{}';
  text_mean vector(512);
  stored_mean vector(512);
begin
  if graph = 'ivfflat' then
    perform set_config('ivfflat.probes', candidates::text, true);
  else
    perform set_config('hnsw.ef_search', ef::text, true);
  end if;
  perform set_config('hnsw.iterative_scan', 'relaxed_order', true);
  select avg(vector::vector(512)) into text_mean from bench_query where query >= 100;
  select avg(embedding::vector(512)) into stored_mean from segment_embedding where model_version_id = 1;
  for q in select query, vector::vector(512) v from bench_query where query < 100 order by query loop
    started := clock_timestamp();
    if graph in ('vector', 'ivfflat') then
      select array_agg(id) into found from (select segment_id id from segment_embedding
        where model_version_id = 1 order by embedding::vector(512) <=> q.v limit 10) r;
    elsif graph = 'halfvec' then
      select array_agg(id) into found from (select c.segment_id id from (
        select segment_id, embedding from segment_embedding where model_version_id = 1
        order by embedding::halfvec(512) <=> q.v::halfvec(512) limit candidates) c
        order by c.embedding::vector(512) <=> q.v limit 10) r;
    elsif graph = 'bit' then
      select array_agg(id) into found from (select c.segment_id id from (
        select segment_id, embedding from segment_embedding where model_version_id = 1
        order by binary_quantize(embedding::vector(512))::bit(512) <~> binary_quantize(q.v)
        limit candidates) c
        order by c.embedding::vector(512) <=> q.v limit 10) r;
    elsif graph = 'shifted' then
      select array_agg(id) into found from (select c.segment_id id from (
        select segment_id, embedding from segment_embedding where model_version_id = 1
        order by embedding::vector(512) <=> (q.v - text_mean + stored_mean)::vector(512)
        limit candidates) c
        order by c.embedding::vector(512) <=> q.v limit 10) r;
    else
      raise exception 'graph must be vector, ivfflat, halfvec, bit or shifted: %', graph;
    end if;
    millis := millis || extract(epoch from clock_timestamp() - started) * 1000;
    hits := hits + (select count(*) from bench_truth t
      where t.query = q.query and not t.rare and t.rank <= 10 and t.segment_id = any(found));
  end loop;
  return query select (hits / (10.0 * cardinality(millis)))::float8,
    (select percentile_cont(0.5) within group (order by x) from unnest(millis) x),
    (select percentile_cont(0.95) within group (order by x) from unnest(millis) x);
end $$;
