using Microsoft.EntityFrameworkCore;

namespace OrderToCash.Core.Infrastructure.Persistence.Providers;

public sealed class PostgreSqlOrderToCashDbContext(DbContextOptions<PostgreSqlOrderToCashDbContext> options)
    : OrderToCashDbContext(options);
