import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Tooltip } from 'antd';
import { useT } from '../i18n/i18n-context';
import { api, isApiError } from '../ui/api';

/** Reads the to-do count if the server has an inbox yet; a 404 means "no inbox", not an error. */
async function fetchInboxCount(): Promise<number | null> {
  try {
    const body = await api<unknown>('/api/inbox/count', { redirectOn401: false });
    if (typeof body === 'number') return body;
    if (typeof body === 'object' && body !== null) {
      const { count, total } = body as { count?: unknown; total?: unknown };
      if (typeof count === 'number') return count;
      if (typeof total === 'number') return total;
    }
    return null;
  } catch (error) {
    if (isApiError(error) && (error.status === 404 || error.status === 401 || error.status === 403)) return null;
    throw error;
  }
}

/** The header's to-do bell; hidden until the server provides GET /api/inbox/count. */
export function TodoBadge({ onOpen }: { onOpen?: () => void }) {
  const t = useT();
  const { data } = useQuery({
    queryKey: ['inbox', 'count'],
    queryFn: fetchInboxCount,
    retry: false,
    refetchInterval: (query) => (query.state.data === null ? false : 60_000),
  });
  if (data === null || data === undefined) return null;
  return (
    <Tooltip title={t('header.todo')}>
      <Button type="text" aria-label={t('header.todo')} onClick={onOpen} data-testid="todo-badge" style={{ color: '#fff' }}>
        <Badge count={data} size="small" overflowCount={99} offset={[4, -2]}>
          <BellOutlined style={{ color: '#fff', fontSize: 16 }} />
        </Badge>
      </Button>
    </Tooltip>
  );
}
