using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Shop.Basket.Api.Tests;

/// <summary>A throw-away certificate authority and a server certificate it signed for 127.0.0.1 and localhost, written
/// as PEM files redis-server can load.</summary>
public sealed class TestCertificates
{
    private TestCertificates(X509Certificate2 authority, string directory)
    {
        Authority = authority;
        CertificateFile = Path.Combine(directory, "server.crt");
        KeyFile = Path.Combine(directory, "server.key");
        AuthorityFile = Path.Combine(directory, "ca.crt");
    }

    /// <summary>The CA's public certificate, for the client to trust.</summary>
    public X509Certificate2 Authority { get; }

    public string CertificateFile { get; }

    public string KeyFile { get; }

    public string AuthorityFile { get; }

    public static TestCertificates WriteTo(string directory)
    {
        var notBefore = DateTimeOffset.UtcNow.AddMinutes(-5);
        var notAfter = notBefore.AddDays(1);
        using var authorityKey = RSA.Create(2048);
        var authorityRequest = new CertificateRequest("CN=Shop Basket Test CA", authorityKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var authority = authorityRequest.CreateSelfSigned(notBefore, notAfter);

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var server = serverRequest.Create(authority, notBefore, notAfter, [1, 2, 3, 4]);

        var certificates = new TestCertificates(X509CertificateLoader.LoadCertificate(authority.RawData), directory);
        File.WriteAllText(certificates.CertificateFile, server.ExportCertificatePem());
        File.WriteAllText(certificates.KeyFile, serverKey.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(certificates.AuthorityFile, authority.ExportCertificatePem());
        return certificates;
    }
}
