using Microsoft.EntityFrameworkCore;

namespace OrderToCash.Core.Persistence.Providers;

public sealed class SqlServerOrderToCashDbContext(DbContextOptions<SqlServerOrderToCashDbContext> options)
    : OrderToCashDbContext(options);
