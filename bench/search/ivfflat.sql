-- IVFFlat against the product's HNSW graph (docs/benchmarks.md, "IVFFlat"). Runs in a database
-- written by FootageCatalogueLoader (one model version, id 1), e.g. the one
-- `BENCH_KEEP=1 bench/search/run.sh 100000` leaves behind:
--
--   psql -X -d bench_footage_100000 -v lists=100 -f bench/search/ivfflat.sql
--   psql -X -At -d bench_footage_100000 -c "begin" -c "drop index segment_embedding_hnsw_v1" \
--     -c "select * from graph_recall('ivfflat', 10, 0)" -c "rollback"
--
-- (the product's HNSW graph is dropped inside the transaction, otherwise the planner may take it).
--
-- The index partitions the rows into `lists` k-means cells; a search reads the `probes` cells whose
-- centres are nearest the query and compares the query with every row in them, so its cost is
-- about probes / lists of an exact scan and it has no graph to get lost in.
-- graph_recall('ivfflat', probes, 0) (recall.sql, included below) measures recall@10 and latency.
\timing on
set maintenance_work_mem = '4GB';
drop index if exists bench_ivfflat_v1;
create index bench_ivfflat_v1 on segment_embedding
  using ivfflat ((embedding::vector(512)) vector_cosine_ops) with (lists = :lists)
  where model_version_id = 1;
\timing off
select pg_size_pretty(pg_relation_size('bench_ivfflat_v1')) as ivfflat_size;

\ir recall.sql
