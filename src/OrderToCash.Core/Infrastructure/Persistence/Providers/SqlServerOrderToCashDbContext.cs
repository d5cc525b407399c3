using Microsoft.EntityFrameworkCore;

namespace OrderToCash.Core.Infrastructure.Persistence.Providers;

public sealed class SqlServerOrderToCashDbContext(DbContextOptions<SqlServerOrderToCashDbContext> options)
    : OrderToCashDbContext(options);
