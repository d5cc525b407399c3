using System.Diagnostics;
using System.Diagnostics.Metrics;
using OrderToCash.Engine.Telemetry;

namespace OrderToCash.Cli.Commands.Bench;

/// <summary>
/// Counts the SQL statements executed in this process: EF Core's (its diagnostic events) and the statements the engine
/// runs itself (its <see cref="EngineTelemetry.WriteStatements"/> counter). Statements per instance is a figure
/// that does not depend on how busy the machine is, unlike instances per second.
/// </summary>
internal sealed class StatementCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string Executed = "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted";
    private const string WriteStatements = "o2c.workflow.write.statements";
    private readonly IDisposable allListeners;
    private readonly List<IDisposable> subscriptions = [];
    private readonly MeterListener appends = new();
    private long count;

    public StatementCounter()
    {
        allListeners = DiagnosticListener.AllListeners.Subscribe(this);
        appends.InstrumentPublished = (instrument, listener) =>
        {
            // By name: the instrument is published while EngineTelemetry's fields are still being initialised.
            if (instrument.Meter.Name == EngineTelemetry.Name && instrument.Name == WriteStatements)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        appends.SetMeasurementEventCallback<long>((_, measurement, _, _) => Interlocked.Add(ref count, measurement));
        appends.Start();
    }

    public long Count => Interlocked.Read(ref count);

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.EntityFrameworkCore")
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this, name => name == Executed));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == Executed)
        {
            Interlocked.Increment(ref count);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        appends.Dispose();
        allListeners.Dispose();
        lock (subscriptions)
        {
            subscriptions.ForEach(s => s.Dispose());
        }
    }
}
