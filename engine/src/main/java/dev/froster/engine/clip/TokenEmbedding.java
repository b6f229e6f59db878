package dev.froster.engine.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/** A lookup table from token ids to vectors: ids (N, C) → (N, C, width). */
public final class TokenEmbedding extends AbstractBlock {

  private final int vocabSize;
  private final int width;
  private final Parameter weight;

  /** A table of {@code vocabSize} rows of {@code width} channels. */
  public TokenEmbedding(int vocabSize, int width) {
    this.vocabSize = vocabSize;
    this.width = width;
    // OpenAI initialises the token embedding with std 0.02
    weight =
        addParameter(
            Parameter.builder()
                .setName("weight")
                .setType(Parameter.Type.OTHER)
                .optInitializer(new NormalInitializer(0.02f))
                .build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      PairList<String, Object> params) {
    NDArray ids = inputs.singletonOrThrow();
    Shape idShape = ids.getShape();
    NDArray table = parameterStore.getValue(weight, ids.getDevice(), training);
    // (N·C) rows gathered from the (vocab, width) table, then back to (N, C, width)
    NDArray flat = ids.reshape(-1).toType(DataType.INT64, false);
    NDArray rows = table.get(new NDIndex("{}", flat));
    // the gather's result belongs to the table's (long-lived) manager: hand it to the caller's
    rows.attach(ids.getManager());
    return new NDList(rows.reshape(idShape.addAll(new Shape(width))));
  }

  @Override
  protected void prepare(Shape[] inputShapes) {
    weight.setShape(new Shape(vocabSize, width));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0].addAll(new Shape(width))};
  }
}
