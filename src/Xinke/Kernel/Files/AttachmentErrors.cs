namespace Xinke.Kernel.Files;

public static class AttachmentErrors
{
    public const string NotFound = "attachments.not_found";
    public const string TooLarge = "attachments.too_large";
    public const string TypeNotAllowed = "attachments.type_not_allowed";
    public const string Empty = "attachments.empty";
    public const string InvalidOwner = "attachments.invalid_owner";
    public const string InvalidDescription = "attachments.invalid_description";
    public const string InvalidReplaces = "attachments.invalid_replaces";
    public const string AlreadyReplaced = "attachments.already_replaced";
    public const string AlreadyVoided = "attachments.already_voided";
    public const string InvalidReason = "attachments.invalid_reason";
    public const string MultipartRequired = "attachments.multipart_required";
    public const string FileMissing = "attachments.file_missing";
    public const string FieldTooLong = "attachments.field_too_long";
}
