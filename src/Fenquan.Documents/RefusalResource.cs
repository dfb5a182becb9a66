namespace Fenquan.Documents;

/// <summary>
/// The marker type of Resources/RefusalResource*.resx: every refusal's message template in Chinese
/// (the neutral resources) and English, by message key, with the words its arguments are made of.
/// </summary>
public sealed class RefusalResource;
