using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderToCash.Core.Customers;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("customers");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(32);
        builder.Property(c => c.LegalName).HasMaxLength(200);
        builder.Property(c => c.Siren).HasMaxLength(9).IsFixedLength();
        builder.HasIndex(c => c.Siren).IsUnique();
        builder.Property(c => c.VatNumber).HasMaxLength(13);
        builder.Property(c => c.Segment).HasMaxLength(20);
        builder.Property(c => c.Salesperson).HasMaxLength(100);
        builder.HasIndex(c => c.Salesperson);
        builder.Property(c => c.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(c => c.RiskClass).HasMaxLength(1);
        builder.Property(c => c.InternalCreditLimit).HasPrecision(18, 2);
        builder.Property(c => c.InsurerCover).HasPrecision(18, 2);
        builder.ComplexProperty(c => c.BillingAddress, address =>
        {
            address.Property(a => a.Line1).HasColumnName("billing_line1").HasMaxLength(200);
            address.Property(a => a.Line2).HasColumnName("billing_line2").HasMaxLength(200);
            address.Property(a => a.PostalCode).HasColumnName("billing_postal_code").HasMaxLength(20);
            address.Property(a => a.City).HasColumnName("billing_city").HasMaxLength(100);
            address.Property(a => a.CountryCode).HasColumnName("billing_country").HasMaxLength(2);
        });
        builder.ComplexProperty(c => c.PaymentTerms, terms =>
        {
            terms.Property(t => t.Days).HasColumnName("payment_term_days");
            terms.Property(t => t.Basis).HasColumnName("payment_term_basis").HasConversion<string>().HasMaxLength(20);
        });
        builder.Property(c => c.Iban).HasMaxLength(34);
        builder.HasIndex(c => c.Iban);
        builder.OwnsMany(c => c.Contacts, contact =>
        {
            contact.ToTable("customer_contacts");
            contact.WithOwner().HasForeignKey("CustomerId");
            contact.HasKey(x => x.Id);
            contact.Property(x => x.Id).ValueGeneratedNever();
            contact.Property(x => x.Name).HasMaxLength(200);
            contact.Property(x => x.Email).HasMaxLength(254);
            contact.Property(x => x.Role).HasConversion<string>().HasMaxLength(30);
            contact.HasIndex("CustomerId", nameof(CustomerContact.Email)).IsUnique();
        });
        builder.Property(c => c.PaymentTermsAgreedInContract).HasColumnName("payment_terms_agreed_in_contract");
        builder.Property(c => c.PeriodicInvoicing).HasColumnName("periodic_invoicing");
        builder.Ignore(c => c.CreditLimit);
    }
}
