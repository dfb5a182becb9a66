namespace Fenquan.Web;

/// <summary>The marker type of the meeting pages' resource files (Resources/MeetingResource*.resx).</summary>
public sealed class MeetingResource;
