using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Credit;

namespace OrderToCash.Host.Features.Errors;

/// <summary>
/// Turns the domain's refusals into problem documents with a 4xx status, in one place: endpoints throw what the domain
/// throws and stay free of try/catch. A database that cannot serve answers 503 with Retry-After; anything else stays a 500 without details.
/// </summary>
internal sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            KeyNotFoundException => (StatusCodes.Status404NotFound, exception.Message),
            CreditDecisionException => (StatusCodes.Status422UnprocessableEntity, exception.Message),
            Core.Invoicing.LedgerException => (StatusCodes.Status422UnprocessableEntity, exception.Message),
            Core.RootCauses.ImprovementTaskException => (StatusCodes.Status422UnprocessableEntity, exception.Message),
            Engine.Durable.UserTaskAnswerException => (StatusCodes.Status422UnprocessableEntity, exception.Message),
            Engine.Durable.UserTaskException => (StatusCodes.Status409Conflict, exception.Message),
            Engine.Runtime.WorkflowRuntimeException => (StatusCodes.Status422UnprocessableEntity, exception.Message),
            Engine.Durable.InstanceMigrationException => (StatusCodes.Status422UnprocessableEntity, exception.Message),
            Engine.Durable.InstanceStateException => (StatusCodes.Status409Conflict, exception.Message),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "Someone else changed this record at the same time; reload and try again."),
            BadHttpRequestException bad => (bad.StatusCode, bad.Message),
            _ => (0, string.Empty),
        };
        if (status == 0 && DatabaseUnavailable.Is(exception))
        {
            (status, title) = (StatusCodes.Status503ServiceUnavailable, "The database is unavailable; try again shortly.");
            httpContext.Response.Headers.RetryAfter = "5";
        }

        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title },
        }).ConfigureAwait(false);
    }
}
