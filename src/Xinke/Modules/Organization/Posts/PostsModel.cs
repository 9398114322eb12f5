using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Organization.Posts;

public sealed class PostsModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder, DatabaseKind database)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<Post>(post =>
        {
            post.ToTable("Posts");
            post.Property(p => p.Name).HasMaxLength(Post.NameMaxLength);
            post.HasIndex(p => p.Name);
            post.Property(p => p.Responsibilities).HasMaxLength(Post.ResponsibilitiesMaxLength);
            post.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        });

        modelBuilder.Entity<PostHolder>(holder =>
        {
            holder.ToTable("PostHolders");
            holder.HasIndex(h => new { h.PersonId, h.Until });
            holder.HasIndex(h => h.PostId);
            holder.HasOne<Post>().WithMany().HasForeignKey(h => h.PostId).OnDelete(DeleteBehavior.Restrict);
            holder.HasOne<Person>().WithMany().HasForeignKey(h => h.PersonId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
