namespace ContentApi.Seeding;

/// <summary>The fixed staff of the demo site: Taiwanese, mainland and English-language writers.</summary>
internal static class SeedAuthors
{
    public static readonly SeedAuthor[] All =
    [
        new("林睿哲", "lin-ruizhe", "資深科技記者，長期追蹤 AI 與雲端產業，曾派駐矽谷三年。", "ruizhe.lin@example.com", "https://lin-ruizhe.example.com", "zh-Hant"),
        new("陳怡婷", "chen-yiting", "半導體產業分析師出身，專注晶圓代工與供應鏈議題。", "yiting.chen@example.com", null, "zh-Hant"),
        new("王柏翰", "wang-bohan", "財經組記者，負責上市櫃公司財報與資本市場新聞。", "bohan.wang@example.com", null, "zh-Hant"),
        new("張雅筑", "chang-yachu", "消費電子編輯，每年親手評測超過五十款手機與筆電。", "yachu.chang@example.com", "https://yachu.example.com", "zh-Hant"),
        new("黃冠宇", "huang-kuanyu", "文化線記者，關注電影、出版與獨立創作者的生存處境。", "kuanyu.huang@example.com", null, "zh-Hant"),
        new("吳佩珊", "wu-peishan", "能源與環境記者，專長再生能源政策與電動車產業。", "peishan.wu@example.com", null, "zh-Hant"),
        new("劉家豪", "liu-chiahao", "香港科技評論人，專欄聚焦亞洲新創與創投生態。", "chiahao.liu@example.com", "https://chiahao.example.com", "zh-Hant"),
        new("蔡欣妤", "tsai-hsinyu", "數據新聞編輯，擅長把複雜的統計變成好讀的圖表。", "hsinyu.tsai@example.com", null, "zh-Hant"),
        new("李明轩", "li-mingxuan", "科技频道主编，关注人工智能与开发者生态。", "mingxuan.li@example.com", null, "zh-Hans"),
        new("赵思远", "zhao-siyuan", "资深财经记者，长期跟踪互联网平台与消费行业。", "siyuan.zhao@example.com", null, "zh-Hans"),
        new("孙晓萌", "sun-xiaomeng", "半导体行业研究员，曾在晶圆厂从事工艺整合工作。", "xiaomeng.sun@example.com", "https://xiaomeng.example.com", "zh-Hans"),
        new("周子涵", "zhou-zihan", "文化记者，报道电影、展览与游戏产业。", "zihan.zhou@example.com", null, "zh-Hans"),
        new("杨浩然", "yang-haoran", "新能源与汽车产业记者，常驻深圳。", "haoran.yang@example.com", null, "zh-Hans"),
        new("Emily Carter", "emily-carter", "Technology correspondent covering AI labs and the companies that build on them.", "emily.carter@example.com", "https://emilycarter.example.com", "en"),
        new("James O'Neill", "james-oneill", "Markets editor who has covered Asian equities for more than a decade.", "james.oneill@example.com", null, "en"),
        new("Priya Raman", "priya-raman", "Semiconductor reporter based in Singapore, writing about chips and the supply chain.", "priya.raman@example.com", null, "en"),
        new("Daniel Kim", "daniel-kim", "Consumer tech reviewer who tests phones, laptops and wearables.", "daniel.kim@example.com", "https://danielkim.example.com", "en"),
        new("Sophie Martin", "sophie-martin", "Culture writer covering film, books and games.", "sophie.martin@example.com", null, "en"),
        new("Michael Chen", "michael-chen", "Energy and climate reporter focused on batteries and the power grid.", "michael.chen@example.com", null, "en"),
        new("Laura Fischer", "laura-fischer", "Policy correspondent in Brussels who follows technology regulation.", "laura.fischer@example.com", null, "en"),
    ];

    public static readonly int[] TraditionalChinese = IndexesOf("zh-Hant");
    public static readonly int[] SimplifiedChinese = IndexesOf("zh-Hans");
    public static readonly int[] English = IndexesOf("en");

    private static int[] IndexesOf(string language) =>
        [.. Enumerable.Range(0, All.Length).Where(i => All[i].Language == language)];
}
