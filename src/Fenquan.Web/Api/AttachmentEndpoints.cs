using Fenquan.Core.Attachments;
using Fenquan.Core.Primitives;
using Fenquan.Web.Access;
using Fenquan.Web.Attachments;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Fenquan.Web.Api;

/// <summary>Marks the endpoint that takes an upload: its body limit is the attachment limit, not the JSON one.</summary>
public sealed record UploadEndpoint;

/// <summary>Vouchers and documents of a matter (issue 3 item 3): upload, list, download.</summary>
public static class AttachmentEndpoints
{
    public static void MapAttachments(this RouteGroupBuilder api)
    {
        api.MapPost("/matters/{id:guid}/attachments", async (HttpContext http, ViewerAccessor viewers, AttachmentService attachments, Guid id) =>
            {
                var viewer = await viewers.GetAsync();
                if (viewer is null)
                {
                    return Results.Unauthorized();
                }

                // Kestrel stops the body at the limit (chunked uploads too); the file itself is streamed
                // section by section to a temporary file by the store, never held in memory.
                if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                {
                    size.MaxRequestBodySize = AttachmentService.MaxRequest;
                }

                var boundary = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
                    ? HeaderUtilities.RemoveQuotes(type.Boundary).Value
                    : null;
                if (string.IsNullOrEmpty(boundary))
                {
                    return Problems.Result(Refusal.Because(Refusal.InvalidId, "UploadMultipart", "The body must be multipart/form-data with one file part named \"file\"."));
                }

                var reader = new MultipartReader(boundary, http.Request.Body);
                while (await ClientBodyStream.NextSectionAsync(reader, http.RequestAborted) is { } next)
                {
                    if (next.Section is not { } section)
                    {
                        return Problems.Result(next.Broken!);
                    }

                    if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
                    {
                        var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? string.Empty;
                        Result<Attachment> added;
                        try
                        {
                            await using var body = new ClientBodyStream(section.Body);
                            added = await attachments.AddAsync(viewer, id, name, body, http.RequestAborted);
                        }
                        catch (ClientBodyStream.BrokenBodyException broken)
                        {
                            return Problems.Result(broken.Refusal);
                        }

                        return added.IsOk
                            ? Results.Created($"/api/v1/matters/{id:D}/attachments/{added.Value.Id}", ToDto(added.Value))
                            : Problems.Result(added.Refusal!, forbidden: added.Refusal!.RuleId == Attachment.RuleId);
                    }
                }

                return Problems.Result(Refusal.Because(Refusal.InvalidId, "UploadNoFile", "No file part in the upload."));
            })
            .WithMetadata(new UploadEndpoint())
            .WithSummary("Attach a voucher or document (PDF, JPEG, PNG by content; at most 10 MiB; the hash is ledgered, R44)");

        api.MapGet("/matters/{id:guid}/attachments", async (ViewerAccessor viewers, AttachmentService attachments, Guid id) =>
            {
                var viewer = await viewers.GetAsync();
                if (viewer is null)
                {
                    return Results.Unauthorized();
                }

                var list = await attachments.ListAsync(viewer, id);
                return list.IsOk ? Results.Ok(list.Value.Select(ToDto).ToList()) : Problems.Result(list.Refusal!);
            })
            .WithSummary("The matter's vouchers and documents, oldest first");

        api.MapGet("/matters/{id:guid}/attachments/{attachmentId:guid}", async (HttpContext http, ViewerAccessor viewers, AttachmentService attachments, Guid id, Guid attachmentId) =>
            {
                var viewer = await viewers.GetAsync();
                if (viewer is null)
                {
                    return Results.Unauthorized();
                }

                var opened = await attachments.OpenAsync(viewer, id, attachmentId, http.RequestAborted);
                if (!opened.IsOk)
                {
                    return Problems.Result(opened.Refusal!);
                }

                // Served as the detected type, never inline, never sniffed (SecurityHeaders sets nosniff too).
                http.Response.Headers.XContentTypeOptions = "nosniff";
                var file = opened.Value.Attachment;
                return Results.File(opened.Value.Content, file.ContentType, file.FileName);
            })
            .WithSummary("Download an attachment; refused naming R44 when the stored bytes no longer match the ledgered hash");
    }

    public static AttachmentDto ToDto(Attachment a) =>
        new(a.Id.Value, a.MatterId.Value, a.FileName, a.ContentType, a.Size, a.ContentHash, a.UploaderId.Value, a.StoredAt, $"/api/v1/matters/{a.MatterId.Value:D}/attachments/{a.Id.Value:D}");
}
