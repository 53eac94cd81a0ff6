import { Card, Col, Empty, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useLocalize, useMessages } from '../../i18n';
import { useVisibleMenu } from '../../menu';
import { shellMessages } from '../../messages';

/** One card per menu entry the current post can open. */
export function Shortcuts() {
  const m = useMessages(shellMessages);
  const t = useLocalize();
  const items = useVisibleMenu().flatMap((group) => group.items);
  return (
    <Card title={m.shortcuts} variant="borderless">
      {items.length === 0 ? (
        <Empty description={m.noShortcuts} />
      ) : (
        <Row gutter={[12, 12]}>
          {items.map((item) => (
            <Col key={item.key} xs={12} sm={8} xl={6}>
              <Link to={item.path} className="shortcut">
                <span className="shortcut-icon">{item.icon}</span>
                <span className="shortcut-text">
                  <Typography.Text strong>{t(item.label)}</Typography.Text>
                  {item.description ? (
                    <Typography.Text type="secondary" className="shortcut-desc">
                      {t(item.description)}
                    </Typography.Text>
                  ) : null}
                </span>
              </Link>
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}
