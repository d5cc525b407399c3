using Microsoft.EntityFrameworkCore;

namespace OrderToCash.Core.Persistence.Providers;

public sealed class PostgreSqlOrderToCashDbContext(DbContextOptions<PostgreSqlOrderToCashDbContext> options)
    : OrderToCashDbContext(options);
