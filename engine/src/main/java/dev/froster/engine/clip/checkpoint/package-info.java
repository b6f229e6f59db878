/**
 * Reading CLIP checkpoints into a {@link dev.froster.engine.clip.ClipModel}: OpenAI's TorchScript
 * archives ({@link dev.froster.engine.clip.checkpoint.TorchScriptArchive}, fp16 weights with
 * OpenAI's names), Hugging Face folders (config.json + model.safetensors, {@link
 * dev.froster.engine.clip.checkpoint.HuggingFaceNames}) and safetensors files with OpenAI's names
 * ({@link dev.froster.engine.clip.checkpoint.SafetensorsFile}, also the bundle's weight format).
 *
 * <p>{@link dev.froster.engine.clip.checkpoint.ClipCheckpoint} picks the reader, infers the
 * architecture from tensor shapes as OpenAI's loader does where no config says otherwise ({@link
 * dev.froster.engine.clip.checkpoint.ConfigInference}) and checks every tensor's name and shape
 * before any weight is used. Anything wrong is a {@link
 * dev.froster.engine.clip.checkpoint.CheckpointException} naming the file and the tensor.
 */
package dev.froster.engine.clip.checkpoint;
