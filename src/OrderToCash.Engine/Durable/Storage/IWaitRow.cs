namespace OrderToCash.Engine.Durable.Storage;

/// <summary>A row that stands for one bookmark of one instance (a timer, a message subscription).</summary>
public interface IWaitRow
{
    string InstanceId { get; }

    string BookmarkId { get; }
}
