using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Shop.WebFrontend.Accounts;

/// <summary>Identity's user store (users, logins, tokens, passkeys; no roles) in the <c>identitydb</c> database. The
/// migrator creates its tables (Schema/Migrations/identitydb); this context never migrates.</summary>
public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options) : IdentityUserContext<IdentityUser>(options);
