/**
 * Benchmarks of the engine, run by the scripts in {@code bench/} side by side with their references
 * (never as tests: {@code docs/benchmarks.md} has the figures and commands).
 */
package dev.froster.engine.bench;
