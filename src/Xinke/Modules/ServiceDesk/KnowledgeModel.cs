using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.ServiceDesk.Knowledge;

namespace Xinke.Modules.ServiceDesk;

/// <summary>
/// The knowledge base's tables. The trigram search needs more than EF can describe on SQLite: the
/// FTS5 table and its triggers are created by raw SQL in the SQLite migration (see
/// <see cref="KnowledgeSearch"/>); PostgreSQL's extension and GIN index are part of the model here.
/// </summary>
public sealed class KnowledgeModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder, DatabaseKind database)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        if (database == DatabaseKind.Postgres)
        {
            modelBuilder.HasPostgresExtension("pg_trgm");
        }

        modelBuilder.Entity<KnowledgeArticle>(article =>
        {
            article.ToTable("KnowledgeArticles");
            article.Ignore(a => a.TagList);
            article.Property(a => a.Code).HasMaxLength(32);
            article.HasIndex(a => a.Code).IsUnique();
            article.Property(a => a.Title).HasMaxLength(KnowledgeArticle.TitleMaxLength);
            article.Property(a => a.Summary).HasMaxLength(KnowledgeArticle.SummaryMaxLength);
            article.Property(a => a.BodyMarkdown).HasMaxLength(KnowledgeArticle.BodyMaxLength);
            article.Property(a => a.Tags).HasMaxLength(KnowledgeArticle.TagsMaxLength);
            article.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
            article.HasIndex(a => new { a.Status, a.PublishedAt });
            article.HasIndex(a => a.SourceTicketId);
            article.HasIndex(a => a.SystemId);
            article.HasOne<Account>().WithMany().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.Restrict);
            article.HasOne<Account>().WithMany().HasForeignKey(a => a.ReviewerId).OnDelete(DeleteBehavior.Restrict);
            if (database == DatabaseKind.Postgres)
            {
                article.HasIndex(a => a.SearchText).HasDatabaseName("IX_KnowledgeArticles_SearchText_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
            }
        });

        modelBuilder.Entity<KnowledgeRevision>(revision =>
        {
            revision.ToTable("KnowledgeRevisions");
            revision.Property(r => r.Title).HasMaxLength(KnowledgeArticle.TitleMaxLength);
            revision.Property(r => r.Summary).HasMaxLength(KnowledgeArticle.SummaryMaxLength);
            revision.Property(r => r.BodyMarkdown).HasMaxLength(KnowledgeArticle.BodyMaxLength);
            revision.Property(r => r.Tags).HasMaxLength(KnowledgeArticle.TagsMaxLength);
            revision.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();
            revision.HasOne<KnowledgeArticle>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<KnowledgeVote>(vote =>
        {
            vote.ToTable("KnowledgeVotes");
            vote.HasIndex(v => new { v.ArticleId, v.AccountId }).IsUnique();
            vote.HasOne<KnowledgeArticle>().WithMany().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Restrict);
            vote.HasOne<Account>().WithMany().HasForeignKey(v => v.AccountId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
