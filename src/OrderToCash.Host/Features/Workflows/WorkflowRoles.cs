using OrderToCash.Core.Infrastructure.Security;

namespace OrderToCash.Host.Features.Workflows;

/// <summary>Who reads the published processes and their instances, and who acts on instances.</summary>
internal static class WorkflowRoles
{
    /// <summary>Start, retry, cancel and migrate instances; read an incident's technical detail (administrators).</summary>
    public static readonly string[] Operators = [Roles.ProcessOwner, Roles.Administrator];

    /// <summary>Read diagrams, instances and where they wait: the control tower's and operations' readers.</summary>
    public static readonly string[] Viewers =
        [Roles.ProcessOwner, Roles.Administrator, Roles.CreditManager, Roles.Collector, Roles.SalesAdministration, Roles.Quality];
}
