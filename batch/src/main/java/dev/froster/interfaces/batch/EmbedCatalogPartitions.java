package dev.froster.interfaces.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Properties;

/**
 * Splits {@code embed-catalog} into {@code partitions} partitions; partition {@code p} takes the
 * assets whose id modulo the count is {@code p}, so an asset's segments stay in one partition and
 * its file is decoded by one thread.
 */
@Named("embedCatalogPartitions")
@Dependent
public class EmbedCatalogPartitions implements PartitionMapper {

  @Inject
  @BatchProperty(name = "partitions")
  private String partitions;

  @Override
  public PartitionPlan mapPartitions() {
    int count = JobParameters.positiveInt("partitions", partitions);
    Properties[] properties = new Properties[count];
    for (int p = 0; p < count; p++) {
      properties[p] = new Properties();
      properties[p].setProperty("partitions", Integer.toString(count));
      properties[p].setProperty("partition", Integer.toString(p));
    }
    PartitionPlanImpl plan = new PartitionPlanImpl();
    plan.setPartitions(count);
    plan.setThreads(count);
    plan.setPartitionProperties(properties);
    return plan;
  }
}
