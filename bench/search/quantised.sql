-- Quantised HNSW graphs with exact re-ranking, against the product's vector graph (docs/benchmarks.md,
-- "Quantised graphs"). Runs in a database written by FootageCatalogueLoader (one model version,
-- id 1, with its vector(512) HNSW index), e.g. the one `BENCH_KEEP=1 bench/search/run.sh 100000`
-- leaves behind:
--
--   psql -X -d bench_footage_100000 -f bench/search/quantised.sql
--   psql -X -At -d bench_footage_100000 -c "select * from graph_recall('halfvec', 100, 100)"
--
-- graph_recall (recall.sql, included below) measures recall@10 and latency of each graph.
set maintenance_work_mem = '2GB';
create index if not exists bench_halfvec_v1 on segment_embedding
  using hnsw ((embedding::halfvec(512)) halfvec_cosine_ops) with (m = 16, ef_construction = 64)
  where model_version_id = 1;
create index if not exists bench_bit_v1 on segment_embedding
  using hnsw ((binary_quantize(embedding::vector(512))::bit(512)) bit_hamming_ops)
  with (m = 16, ef_construction = 64) where model_version_id = 1;

\ir recall.sql
