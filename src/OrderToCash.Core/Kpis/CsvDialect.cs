namespace OrderToCash.Core.Kpis;

/// <summary>How a CSV export is written.</summary>
public enum CsvDialect
{
    /// <summary>RFC 4180: comma separator, dot decimals, UTF-8 without BOM (scripts, other tools).</summary>
    Standard,

    /// <summary>What Excel opens correctly in French: semicolon separator, decimal comma, UTF-8 with a BOM.</summary>
    FrenchExcel,
}
