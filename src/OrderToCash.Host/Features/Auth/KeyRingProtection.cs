using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace OrderToCash.Host.Features.Auth;

/// <summary>
/// The Data Protection keys (which protect the session cookies) stay in the database (ADR 0007); with
/// <c>DataProtection:Certificate:Path</c> (a PKCS#12 file) and <c>:Password</c> they are encrypted there with that
/// certificate, so a copy of the database alone does not let anyone forge a cookie. Every host on the database needs
/// the same certificate. ADR 0095.
/// </summary>
internal static class KeyRingProtection
{
    public static void Configure(IDataProtectionBuilder dataProtection, IConfiguration configuration)
    {
        var path = configuration["DataProtection:Certificate:Path"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"DataProtection:Certificate:Path '{path}' does not exist: give the PKCS#12 (.pfx) file whose certificate encrypts the cookie keys.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration["DataProtection:Certificate:Password"]);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            throw new InvalidOperationException($"DataProtection:Certificate:Path '{path}' cannot be read with DataProtection:Certificate:Password: {ex.Message}", ex);
        }

        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"DataProtection:Certificate:Path '{path}' has no private key: the host could not read back the keys it encrypts.");
        }

        // Decryption looks in the certificate stores by default; the configured file is enough here.
        dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }
}
