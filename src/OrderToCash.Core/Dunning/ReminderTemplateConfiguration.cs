using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderToCash.Core.Dunning;

internal sealed class ReminderTemplateConfiguration : IEntityTypeConfiguration<ReminderTemplate>
{
    public void Configure(EntityTypeBuilder<ReminderTemplate> builder)
    {
        builder.ToTable("reminder_templates");
        builder.HasKey(t => t.Id);
        // Two editors saving at once: one gets the version, the other a conflict, never two templates with one number.
        builder.HasIndex(t => new { t.Step, t.Version }).IsUnique();
        builder.Property(t => t.Step).HasMaxLength(50);
        builder.Property(t => t.Language).HasMaxLength(5);
        builder.Property(t => t.Subject).HasMaxLength(300);
        builder.Property(t => t.Body).HasMaxLength(ReminderTemplates.MaxBodyLength);
        builder.Property(t => t.Author).HasMaxLength(100);
        builder.Property(t => t.Comment).HasMaxLength(500);
    }
}
