using Fenquan.Core.CountyChanges;
using Fenquan.Core.Licensing;
using Fenquan.Core.Primitives;
using Fenquan.Core.Procurement;
using Fenquan.Data.Operations;

namespace Fenquan.Data.Demo;

/// <summary>
/// 清河县's route-deciding county data: its government procurement catalogue (政府采购目录, R18) and
/// its register of administrative approval items (行政审批事项目录, R23, R24), each proposed by the
/// county administrator <c>admin</c> and confirmed by the second county official <c>admin2</c>
/// (four eyes, R40), with the county discipline inspection's liaison notified (R29). Codes follow
/// the shape of the national procurement item classification (A goods, B works, C services);
/// thresholds are the common county ones (procurement centre from 50,000 or 100,000 yuan, open
/// tender from the national 2,000,000 for goods and services and 4,000,000 for works).
/// </summary>
public static class DemoRegisters
{
    /// <summary>The demo's first county administrator, who proposes.</summary>
    public static CountyOfficial Proposer { get; } = new("admin", "admin");

    /// <summary>The demo's second county official, who confirms.</summary>
    public static CountyOfficial Confirmer { get; } = new("admin2", "admin2");

    /// <summary>The county discipline inspection's liaison (县纪委监委), a person of the county in no unit.</summary>
    public const string DisciplineInspectionName = "钱正清";

    public static ProcurementCatalogue Catalogue { get; } = ProcurementCatalogue.Create(
    [
        new("A02010104", "台式计算机", "货物", 50_000m, 2_000_000m),
        new("A02010105", "便携式计算机", "货物", 50_000m, 2_000_000m),
        new("A02021000", "打印设备", "货物", 50_000m, 2_000_000m),
        new("A02020100", "复印机", "货物", 50_000m, 2_000_000m),
        new("A02020400", "多功能一体机", "货物", 50_000m, 2_000_000m),
        new("A02061800", "空调机", "货物", 100_000m, 2_000_000m),
        new("A05010100", "办公桌椅", "货物", 100_000m, 2_000_000m),
        new("A05040101", "复印纸", "货物", 50_000m, 2_000_000m),
        new("A02030500", "公务用车", "货物", 0m, 2_000_000m),
        new("C21040000", "物业管理服务", "服务", 100_000m, 2_000_000m),
        new("C23120300", "车辆维修和保养服务", "服务", 100_000m, 2_000_000m),
        new("C08140000", "印刷服务", "服务", 100_000m, 2_000_000m),
        new("B07000000", "装修工程", "工程", 1_000_000m, 4_000_000m),
    ]).Value;

    public static ApprovalItemRegister Register { get; } = ApprovalItemRegister.Create(
    [
        new("QH-XK-001", "农村村民宅基地审批", "《中华人民共和国土地管理法》第六十二条", 20, "不收费", false),
        new("QH-XK-002", "临时占用城市道路审批", "《城市道路管理条例》第三十一条", 10, "不收费", false),
        new("QH-XK-003", "户外广告设施设置审批", "《城市市容和环境卫生管理条例》第十一条", 10, "不收费", false),
        new("QH-XK-004", "动物防疫条件合格证核发", "《中华人民共和国动物防疫法》第二十四条", 20, "不收费", false),
        new("QH-XK-005", "乡村建设规划许可证核发", "《中华人民共和国城乡规划法》第四十一条", 20, "不收费", false),
        new("QH-XK-006", "建设项目用地预审与选址意见书核发", "《中华人民共和国土地管理法》第五十二条;《中华人民共和国城乡规划法》第三十六条", 20, "不收费", true),
        new("QH-XK-007", "取水许可", "《中华人民共和国水法》第四十八条;《取水许可和水资源费征收管理条例》", 20, "依法缴纳水资源税", false),
        new("QH-XK-008", "林木采伐许可证核发", "《中华人民共和国森林法》第五十六条", 10, "不收费", false),
        new("QH-XK-009", "河道管理范围内建设项目工程建设方案审批", "《中华人民共和国防洪法》第二十七条;《中华人民共和国河道管理条例》第十一条", 20, "不收费", true),
        new("QH-XK-010", "民办学校设立审批", "《中华人民共和国民办教育促进法》第十二条", 30, "不收费", true),
        new("QH-XK-011", "公共场所卫生许可", "《公共场所卫生管理条例》第八条", 15, "不收费", false),
        new("QH-XK-012", "生猪定点屠宰厂(场)设置审查", "《生猪屠宰管理条例》第八条", 20, "不收费", false),
    ]).Value;

    /// <summary>
    /// R24: the register as the demo county publishes it: each item handled by one of its units (in
    /// turn), with its content, required documents and procedure steps within the promised limit.
    /// </summary>
    public static ApprovalItemRegister RegisterFor(IReadOnlyList<UnitId> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        return ApprovalItemRegister.Create(Register.Items.Select((item, i) => item with
        {
            UnitId = units.Count == 0 ? null : units[i % units.Count].Value,
            Content = "依申请办理" + item.Name + "，对符合法定条件的申请人作出准予许可的决定。",
            RequiredDocuments = ["申请书", "申请人身份证明（身份证或营业执照）", item.Name.Replace("审批", string.Empty, StringComparison.Ordinal) + "相关证明材料"],
            Procedure = [new ProcedureStep("审查", item.PromisedWorkingDays - 3), new ProcedureStep("审核", 2), new ProcedureStep("决定", 1)],
        })).Value;
    }

    /// <summary>Names the discipline inspection's liaison, then puts the catalogue and the register in force under four eyes.</summary>
    public static async Task<PersonId> SeedAsync(OrganizationOperations organization, CountyChangeOperations changes, CountyId county, IReadOnlyList<UnitId> units)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(changes);
        var inspector = Ok(await organization.AddPersonAsync(county, DisciplineInspectionName)).Id;
        Ok(await changes.NameDisciplineInspectionAsync(county, inspector, Proposer));
        var catalogue = Ok(await changes.ProposeAsync(county, CountyChangeSubject.ProcurementCatalogue, Catalogue.ToJson(), "清河县政府集中采购目录(首版)", Proposer));
        Ok(await changes.ConfirmAsync(county, catalogue.Id, Confirmer));
        var register = Ok(await changes.ProposeAsync(county, CountyChangeSubject.ApprovalItemRegister, RegisterFor(units).ToJson(), "清河县行政审批事项目录(首版),三项标为重大", Proposer));
        Ok(await changes.ConfirmAsync(county, register.Id, Confirmer));
        return inspector;
    }

    private static T Ok<T>(Result<T> result) =>
        result.IsOk ? result.Value : throw new InvalidOperationException($"The demo registers broke a rule: {result.Refusal}");
}
