namespace OrderToCash.Engine.Durable;

/// <summary>
/// A process owner's request to move the waiting instances of one version of a process to another (as Camunda's
/// process instance migration): every element an instance waits in goes to the element of the same id in the target
/// version, or to the one <see cref="Mappings"/> names for it.
/// </summary>
/// <param name="ProcessId">The process whose instances move (its own instances, not the ones calling it).</param>
/// <param name="SourceVersion">The version the instances run now.</param>
/// <param name="TargetVersion">The version they will run.</param>
/// <param name="Mappings">Source element id → target element id, for elements renamed or replaced; others keep their id.</param>
/// <param name="InstanceIds">Only these instances (each must run the source version); null: every waiting instance of it.</param>
public sealed record InstanceMigration(
    string ProcessId,
    int SourceVersion,
    int TargetVersion,
    IReadOnlyDictionary<string, string>? Mappings = null,
    IReadOnlyList<string>? InstanceIds = null);

/// <summary>What a migration did (or would do): the instances, the waiting elements and where they go, and why some cannot move.</summary>
/// <param name="Migrated">True when the instances were moved; false for a preview or a refusal (nothing written).</param>
/// <param name="Instances">The instances of the batch (at most <see cref="DurableWorkflowOptions.MigrationBatchSize"/>).</param>
/// <param name="Remaining">Instances of the source version beyond this batch (migrate again to move them).</param>
/// <param name="Elements">Each element instances of the batch wait in, how many, and the target element (null: none).</param>
/// <param name="Refusals">Why instances cannot move; any refusal refuses the whole batch.</param>
public sealed record MigrationResult(
    bool Migrated,
    IReadOnlyList<MigratedInstance> Instances,
    int Remaining,
    IReadOnlyList<MigratedElement> Elements,
    IReadOnlyList<MigrationRefusal> Refusals);

public sealed record MigratedInstance(string InstanceId, string? BusinessKey);

/// <param name="ElementId">The element of the source version.</param>
/// <param name="Name">Its name in the source version.</param>
/// <param name="Waiting">Instances of the batch waiting in it.</param>
/// <param name="TargetElementId">The element of the target version it goes to; null when the target has none to take it.</param>
public sealed record MigratedElement(string ElementId, string? Name, int Waiting, string? TargetElementId);

/// <summary>One instance that cannot move, the element that stops it, and why (a sentence naming both).</summary>
public sealed record MigrationRefusal(string InstanceId, string? BusinessKey, string ElementId, string Reason);

/// <summary>The request itself cannot be carried out (a version not published, a mapping naming an unknown element).</summary>
public sealed class InstanceMigrationException(string message) : Exception(message);

/// <summary>Thrown inside the migration's unit of work when some instance cannot move, so that nothing is written.</summary>
internal sealed class MigrationRefusedException(MigrationResult result) : Exception("The migration was refused.")
{
    public MigrationResult Result { get; } = result;
}
