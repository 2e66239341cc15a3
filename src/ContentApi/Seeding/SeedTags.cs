using ContentApi.Text;

namespace ContentApi.Seeding;

/// <summary>The fixed tags: six per topic (Chinese and English names mixed, as on a bilingual site) and general ones.</summary>
internal static class SeedTags
{
    private static readonly (string Name, string Description, SeedTopic? Topic)[] Definitions =
    [
        ("人工智慧", "人工智慧技術、產品與產業動態。", SeedTopic.ArtificialIntelligence),
        ("AI", "Artificial intelligence research, products and policy.", SeedTopic.ArtificialIntelligence),
        ("生成式 AI", "生成式 AI 的發布、評測與應用。", SeedTopic.ArtificialIntelligence),
        ("人工智能", "人工智能技术与产业新闻。", SeedTopic.ArtificialIntelligence),
        ("Machine Learning", "Methods, papers and tools for machine learning.", SeedTopic.ArtificialIntelligence),
        ("開源", "開源軟體與開放權重。", SeedTopic.ArtificialIntelligence),
        ("半導體", "晶圓代工、IC 設計與封測。", SeedTopic.Semiconductors),
        ("Semiconductors", "Chips, foundries and equipment.", SeedTopic.Semiconductors),
        ("芯片", "芯片设计与制造。", SeedTopic.Semiconductors),
        ("先進封裝", "CoWoS、SoIC 等先進封裝技術。", SeedTopic.Semiconductors),
        ("Supply Chain", "How components and products get made and moved.", SeedTopic.Semiconductors),
        ("TSMC", "Taiwan Semiconductor Manufacturing Company.", SeedTopic.Semiconductors),
        ("財報", "上市公司財報解讀。", SeedTopic.Business),
        ("Markets", "Stocks, bonds and currencies.", SeedTopic.Business),
        ("电商", "电商平台与零售新闻。", SeedTopic.Business),
        ("投資", "投資趨勢與資本市場。", SeedTopic.Business),
        ("Earnings", "Quarterly results and guidance.", SeedTopic.Business),
        ("Retail", "Shops, shoppers and e-commerce.", SeedTopic.Business),
        ("手機", "智慧型手機新品與評測。", SeedTopic.Devices),
        ("Smartphones", "Phones, launches and reviews.", SeedTopic.Devices),
        ("评测", "数码产品评测。", SeedTopic.Devices),
        ("穿戴裝置", "手錶、耳機與頭戴裝置。", SeedTopic.Devices),
        ("Gadgets", "Consumer electronics of every kind.", SeedTopic.Devices),
        ("Apple", "Apple products and business.", SeedTopic.Devices),
        ("電影", "電影、影展與串流影集。", SeedTopic.Culture),
        ("Books", "Publishing, authors and reading.", SeedTopic.Culture),
        ("游戏", "游戏产业与新作。", SeedTopic.Culture),
        ("展覽", "美術館與博物館展覽。", SeedTopic.Culture),
        ("Music", "Albums, artists and the music business.", SeedTopic.Culture),
        ("Design", "Design in products, cities and culture.", SeedTopic.Culture),
        ("能源", "電力、再生能源與儲能。", SeedTopic.Energy),
        ("Climate", "Climate science and policy.", SeedTopic.Energy),
        ("电动车", "新能源汽车与充电设施。", SeedTopic.Energy),
        ("電池", "電池技術與產業。", SeedTopic.Energy),
        ("Space", "Rockets, satellites and space science.", SeedTopic.Energy),
        ("Science", "Research news from labs around the world.", SeedTopic.Energy),
        ("深度報導", "長篇調查與專題。", null),
        ("觀點", "評論與專欄。", null),
        ("Interview", "Conversations with the people behind the news.", null),
        ("Policy", "Regulation and government decisions.", null),
        ("网络安全", "网络安全与隐私保护。", null),
        ("Startups", "New companies and the people who fund them.", null),
        ("Asia", "News from across Asia.", null),
        ("Opinion", "Columns and commentary.", null),
    ];

    public static readonly SeedTag[] All =
        [.. Definitions.Select((d, i) => new SeedTag(d.Name, Slugs.FromText(d.Name, "tag-" + i), d.Description))];

    public static readonly int[][] ByTopic =
        [.. Enum.GetValues<SeedTopic>().Select(t => Enumerable.Range(0, Definitions.Length).Where(i => Definitions[i].Topic == t).ToArray())];

    public static readonly int[] General = [.. Enumerable.Range(0, Definitions.Length).Where(i => Definitions[i].Topic is null)];
}
